// A pool worker that misbehaves on purpose, for test/parallel: an article whose text says
// "CRASH <stage>" ends the thread inside that stage, "HANG <stage>" never finishes it.
import { analyseArticle } from '../../src/pipeline/article.js';
import { runWorker } from '../../src/parallel/serve.js';

runWorker((article, options) =>
  analyseArticle(article, {
    stage: (name, run, id) =>
      options.stage!(
        name,
        () => {
          if (article.text.includes(`CRASH ${name}`)) process.exit(7);
          if (article.text.includes(`HANG ${name}`)) for (;;);
          return run();
        },
        id,
      ),
  }),
);
