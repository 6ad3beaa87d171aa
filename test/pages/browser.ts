import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Page, Response } from 'playwright-core';
import { AddressInfo } from 'node:net';
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
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
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
