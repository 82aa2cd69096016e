// The library entry: `import { brief } from 'parley'`.
export { brief, analyse, analyseParallel, analyseArticle, combine, type BriefOptions, type ArticleAnalysis } from './pipeline.js';
export { writeBrief } from './brief/write.js';
export { renderMarkdown } from './brief/markdown.js';
export { renderHtml } from './brief/html.js';
export type * from './types.js';
