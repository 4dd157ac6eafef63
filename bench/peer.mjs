// The peer: Microsoft Recognizers-Text for JavaScript, with its Chinese number, percentage and
// number-with-unit (dimension: 公里, 亩, 平方米…; currency: 元, 万元…) models. The models are
// built once and reused, which is the fastest way to call it (the suite's recognizeNumber()
// and friends build a new recognizer on every call).
//
// The suite re-exports the recognizer classes through getters that come out undefined under
// Node's CommonJS interop, so the classes are taken from the packages it depends on.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function peerVersion() {
  return require('@microsoft/recognizers-text-suite/package.json').version;
}

/** Builds the models; returns { parse(text) → number of results, startupMs }. */
export function startPeer() {
  const started = performance.now();
  const { Culture } = require('@microsoft/recognizers-text-suite');
  const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
  const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
  const numbers = new NumberRecognizer(Culture.Chinese);
  const units = new NumberWithUnitRecognizer(Culture.Chinese);
  const models = [
    numbers.getNumberModel(),
    numbers.getPercentageModel(),
    units.getDimensionModel(),
    units.getCurrencyModel(),
  ];
  const parse = (text) => models.reduce((found, model) => found + model.parse(text).length, 0);
  // The first call of each model compiles its regular expressions.
  parse('2019年全县共有贫困人口3.2万人,贫困发生率为1.5%,修建公路120公里,投入资金2.5亿元。');
  return { parse, startupMs: performance.now() - started };
}
