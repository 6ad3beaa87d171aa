import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page, Response } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { unlinkSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEnvironment, TestEnvironment, TestEnvironmentOptions } from '@ventanilla/testing';

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it when missing). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The real api listening on a free port, and a real browser in front of it. */
export interface PagesWorld {
  env: TestEnvironment;
  browser: Browser;
  base: string;
  stop(): Promise<void>;
}

export async function startPagesWorld(options: TestEnvironmentOptions = {}): Promise<PagesWorld> {
  const env = await startTestEnvironment(options);
  await env.api.listen(0, '127.0.0.1');
  const { port } = env.api.getHttpServer().address() as AddressInfo;
  // Playwright gives each launch a fresh temporary profile (--user-data-dir) and adds --headless.
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  } catch (error) {
    // Without this the suite's api, worker and SMTP server stay up and jest waits for ever.
    await env.stop();
    throw new Error(`Chromium no arrancó (${CHROMIUM}; apt-get install -y chromium): ${(error as Error).message}`);
  }
  return {
    env,
    browser,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await browser.close();
      await env.stop();
    },
  };
}

/** A fresh browser context (its own cookies), at phone width unless told otherwise. */
export async function newPage(world: PagesWorld, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
  const context = await world.browser.newContext({
    baseURL: world.base,
    viewport: { width: options.width ?? 360, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'es-GT',
  });
  return context.newPage();
}

/** axe-core's serious and critical violations on the current page (expected: none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * Bytes a page costs over the wire: every response it loaded (the document, CSS, scripts),
 * bodies as transferred (compressed) plus headers, measured by the browser itself.
 */
export async function transferredBytes(page: Page, load: () => Promise<Response | null>): Promise<number> {
  const responses: Response[] = [];
  const listener = (r: Response) => responses.push(r);
  page.on('response', listener);
  await load();
  await page.waitForLoadState('load');
  page.off('response', listener);
  let total = 0;
  for (const r of responses) {
    const sizes = await r.request().sizes();
    total += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return total;
}

/** Every request the page made went to the service itself: no fonts, no third parties. */
export function sameOriginOnly(page: Page, base: string): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  return foreign;
}

/** With `VENTANILLA_SCREENSHOTS=<dir>`, a full-page picture at 360 px and at 1280 px (outside the repository). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.VENTANILLA_SCREENSHOTS;
  if (!dir) return;
  const viewport = page.viewportSize() ?? { width: 360, height: 800 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(viewport);
}

/**
 * The text of a PDF, read by pdf-parse (PDF.js) in a child Node process: PDF.js loads its worker
 * with a dynamic import, which jest's module sandbox does not allow.
 */
export function pdfText(body: Buffer): string {
  const file = join(tmpdir(), `ventanilla-pdf-${process.pid}-${Date.now()}.pdf`);
  writeFileSync(file, body);
  try {
    const script = "const { PDFParse } = require('pdf-parse'); new PDFParse({ data: require('fs').readFileSync(process.argv[1]) }).getText().then((r) => process.stdout.write(r.text))";
    return execFileSync(process.execPath, ['-e', script, file], { encoding: 'utf8', cwd: process.cwd() });
  } finally {
    unlinkSync(file);
  }
}

/** axe needs scripts: a page seen without JavaScript is checked as the same HTML in a scripted page. */
export async function seriousViolationsOfHtml(world: PagesWorld, path: string, html: string): Promise<string[]> {
  const page = await newPage(world);
  await page.goto(path);
  await page.setContent(html);
  const violations = await seriousViolations(page);
  await page.context().close();
  return violations;
}
