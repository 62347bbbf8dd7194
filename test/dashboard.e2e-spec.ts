import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { HEADQUARTERS } from '../apps/api/src/workload/workload';
import { startTestSystem, type TestSystem } from './support/system';
import {
  lastShanghaiAfternoon,
  runWorkload,
  settledLog,
} from './support/workload';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'test-artifacts');
const CHARTS = ['backlog', 'volume', 'first-visit', 'clear-time', 'custody'];

// A week of faults through the whole system, then a real browser.
jest.setTimeout(600_000);

/**
 * What the page functions below touch in the browser. This project
 * compiles without the DOM's types, and the page's content security
 * policy refuses code passed as text, so they are typed here.
 */
interface BrowserWindow {
  document: {
    body: { dataset: Record<string, string | undefined> };
    querySelector(selector: string): unknown;
  };
  echarts: {
    getInstanceByDom(
      element: unknown,
    ): { getOption(): { series: { data: unknown[] }[] } } | undefined;
  };
}

/** Waits for the page's own verdict, and fails with its message if any. */
async function loaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (globalThis as unknown as BrowserWindow).document.body.dataset.state !==
      'loading',
    undefined,
    { timeout: 60_000 },
  );
  expect({
    state: await page.getAttribute('body', 'data-state'),
    message: (await page.textContent('#message')) ?? '',
  }).toEqual({ state: 'ready', message: '' });
}

describe('the dashboard in headless Chromium on a populated system', () => {
  let system: TestSystem;
  let browser: Browser;
  let page: Page;
  let token: string;
  const problems: string[] = [];

  /** A browser profile of its own: no token, no stored state. */
  const newContext = () =>
    browser.newContext({
      viewport: { width: 1440, height: 1800 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      // Not a skip: without the browser this test proves nothing.
      throw new Error(
        `${CHROMIUM} is missing; install Debian's package (apt-get install -y chromium) to run the dashboard test`,
      );
    }
    system = await startTestSystem();
    // Ending at the real hour left no ticket open when run early in a
    // Shanghai morning, and the open-ticket checks below need some.
    await runWorkload(system, {
      days: 7,
      seed: 424242,
      perDay: 5,
      end: lastShanghaiAfternoon(),
    });
    await settledLog(system);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    // Headquarters reads the dashboard (every subsidiary). As a person
    // would: the page opened with the token in its address, which the
    // page keeps for the tab and sends with each figure it fetches.
    token = system.tokens(HEADQUARTERS);
    page = await (await newContext()).newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    await page.goto(`${system.client.baseUrl}/dashboard#token=${token}`);
    await loaded(page);
  });

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('keeps the token out of the address once it has read it', () => {
    expect(page.url()).toBe(`${system.client.baseUrl}/dashboard`);
  });

  it('draws every chart with data', async () => {
    for (const name of CHARTS) {
      const chart = page.locator(`[data-chart="${name}"]`);
      const drawn = {
        name,
        points: Number(await chart.getAttribute('data-points')),
        canvases: await chart.locator('canvas').count(),
        values: await page.evaluate((chart) => {
          // Runs in the page: the numbers the chart's series draw above 0.
          const w = globalThis as unknown as BrowserWindow;
          const element = w.document.querySelector(`[data-chart="${chart}"]`);
          const instance = element
            ? w.echarts.getInstanceByDom(element)
            : undefined;
          if (!instance) return 0;
          return instance
            .getOption()
            .series.flatMap((series) => series.data)
            .filter((value) => typeof value === 'number' && value > 0).length;
        }, name),
      };
      expect(drawn).toEqual({
        name,
        points: expect.any(Number),
        canvases: 1,
        values: expect.any(Number),
      });
      expect(drawn.points).toBeGreaterThan(0);
      expect(drawn.values).toBeGreaterThan(0);
    }
  });

  it('fills the figures and lists the slowest open tickets with links to their timelines', async () => {
    const reported = await page.textContent('#kpi-reported');
    expect(Number(reported)).toBeGreaterThan(0);
    const links = await page.$$eval('#open-tickets tbody a', (anchors) =>
      anchors.map((a) => a.getAttribute('href')),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      expect(href).toMatch(/^\/dashboard\/tickets\/[0-9a-f-]{36}$/);
    }
  });

  it('labels the page in Chinese', async () => {
    expect(await page.textContent('h1')).toBe('网点故障运营看板');
    expect(await page.locator('h2').allTextContents()).toContain(
      '清除时长分布',
    );
  });

  it('saves a screenshot of the dashboard as a test artefact', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'dashboard.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('opens the timeline of the slowest open ticket from its link', async () => {
    await page.click('#open-tickets tbody a');
    await page.waitForURL(/\/dashboard\/tickets\//);
    await loaded(page);
    const events = await page.$$('[data-table="timeline"] tbody tr');
    const periods = await page.$$eval(
      '[data-table="custody"] tbody tr',
      (rows) => rows.map((r) => r.textContent ?? ''),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(periods[periods.length - 1]).toContain('持有中');
    await page.screenshot({
      path: join(ARTIFACTS, 'timeline.png'),
      fullPage: true,
    });
  });

  it('saves a CSV export fetched with the token', async () => {
    await page.goto(`${system.client.baseUrl}/dashboard`);
    await loaded(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-export="by-day"]'),
    ]);
    const file = join(ARTIFACTS, 'by-day.csv');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n').length).toBeGreaterThan(2);
  });

  describe('opened without a token', () => {
    let fresh: Page;

    beforeAll(async () => {
      fresh = await (await newContext()).newPage();
      fresh.on('pageerror', (error) => problems.push(`pageerror: ${error}`));
    });

    it('serves the page and asks for a token, fetching no figure', async () => {
      const figures: string[] = [];
      fresh.on('request', (request) => {
        if (!request.url().includes('/dashboard')) figures.push(request.url());
      });
      const response = await fresh.goto(`${system.client.baseUrl}/dashboard`);
      expect(response?.status()).toBe(200);
      await fresh.waitForSelector('#sign-in');
      expect(await fresh.getAttribute('body', 'data-state')).toBe('sign-in');
      expect(await fresh.textContent('#sign-in')).toContain('访问令牌');
      expect(figures).toEqual([]);
      await fresh.screenshot({
        path: join(ARTIFACTS, 'dashboard-sign-in.png'),
      });
    });

    it('asks again when the token pasted is not valid', async () => {
      await fresh.fill('#sign-in input[name="token"]', 'not-a-token');
      await Promise.all([
        fresh.waitForEvent('load'),
        fresh.click('#sign-in button'),
      ]);
      await fresh.waitForSelector('#sign-in');
      expect(await fresh.textContent('#sign-in')).toContain('无效或已过期');
    });

    it('draws the figures once a valid token is pasted', async () => {
      await fresh.fill('#sign-in input[name="token"]', token);
      await Promise.all([
        fresh.waitForEvent('load'),
        fresh.click('#sign-in button'),
      ]);
      await loaded(fresh);
      expect(Number(await fresh.textContent('#kpi-reported'))).toBeGreaterThan(
        0,
      );
    });
  });

  it('logged no script error on the way', () => {
    expect(problems).toEqual([]);
  });
});
