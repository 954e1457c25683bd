import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_PATH } from './browser.ts';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
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
    const { categories: c, runtimeError } = result!.lhr;
    if (runtimeError) console.error(`Lighthouse ${url}: ${runtimeError.code} ${runtimeError.message}`);
    // A category Lighthouse could not score (an error in the run) is NaN, not 0.
    const score = (k: string) => {
      const value = c[k]?.score;
      return value === null || value === undefined ? NaN : Math.round(value * 100);
    };
    return { performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices') };
  } finally {
    chrome.kill();
  }
}
