// The library entry: `import { brief } from 'parley'`.
export { brief, analyse, type BriefOptions } from './pipeline.js';
export { writeBrief } from './brief/write.js';
export { renderMarkdown } from './brief/markdown.js';
export { renderHtml } from './brief/html.js';
export type * from './types.js';
