import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH } from './browser.ts';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The scored audits of these categories that did not pass, as "id: title" (why a score is under 100). */
  failed: string[];
}

/** An audit that did not pass: its id, its score, and what it found (the console's errors, say). */
function describe(audit: { id: string; score: number | null; details?: unknown }): string {
  const items = (audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
  const found = items
    .slice(0, 3)
    .map((item) =>
      [item.source, item.description, item.url ?? (item.sourceLocation as { url?: string } | undefined)?.url]
        .filter((v) => typeof v === 'string' && v !== '')
        .join(' '),
    )
    .filter((text) => text !== '');
  return `${audit.id} (score ${audit.score})${found.length ? `: ${found.join(' | ')}` : ''}`;
}

/** Lighthouse 12, desktop preset, in headless Chromium; scores 0-100. */
export async function runLighthouse(url: string): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      desktopConfig,
    );
    const { categories: c, audits, runtimeError } = result!.lhr;
    if (runtimeError) console.error(`Lighthouse ${url}: ${runtimeError.code} ${runtimeError.message}`);
    // A category Lighthouse could not score (an error in the run) is NaN, not 0.
    const score = (k: string) => {
      const value = c[k]?.score;
      return value === null || value === undefined ? NaN : Math.round(value * 100);
    };
    const failed = [
      ...new Set(
        Object.values(c)
          .flatMap((category) => category.auditRefs)
          .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
          .map((ref) => describe(audits[ref.id]!)),
      ),
    ];
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      failed,
    };
  } finally {
    chrome.kill();
  }
}
