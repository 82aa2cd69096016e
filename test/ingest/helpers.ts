// A local HTTP server for URL tests (127.0.0.1 only; every test closes it) and temp folders.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  base: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'parley-ingest-'));
}

export const ARTICLE_HTML = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Envoys trade proposals in Lisvaro | The Harbour Courier</title>
<meta property="og:site_name" content="The Harbour Courier">
<meta property="og:title" content="Envoys trade proposals in Lisvaro">
<meta property="article:published_time" content="2025-06-03T09:15:00+02:00">
<meta property="article:modified_time" content="2025-06-04T14:02:00+02:00">
<meta name="author" content="Marta Kovalenko">
<link rel="canonical" href="https://courier.example/world/2025/06/03/envoys-trade-proposals-lisvaro">
<script>document.title = 'executed'; fetch('/tracker');</script>
<link rel="stylesheet" href="/style.css">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article>
<h1>Envoys trade proposals in Lisvaro</h1>
<p class="byline">By Marta Kovalenko</p>
<figure><img src="/photo.jpg" alt=""><figcaption>Delegates arrive. Photo: Ana Duarte/Reuters</figcaption></figure>
<p>Negotiators from Dravenia and the Ostmark Federation resumed ceasefire talks on Tuesday after a four-week pause, exchanging written proposals on prisoner swaps and a monitored buffer zone.</p>
<h2>A text on the table</h2>
<p>The two delegations, led by Foreign Minister Ilse Varga and envoy Tomas Reinholt, met behind closed doors for six hours. "We have a text on the table," Varga told reporters.</p>
<p>Reinholt said Ostmark would sign a truce only if Dravenia withdrew its artillery 30 kilometres from the line of contact, a condition Dravenia has rejected in the past.</p>
<p>Mediators from the Council of Northern States said they expected a second round of talks to begin next Tuesday in the same building.</p>
</article>
<footer>© 2025 The Harbour Courier</footer>
</body></html>`;
