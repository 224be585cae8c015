export * from './normalize';
export * from './collate';
export * from './money';
export * from './dates';
export * from './doc-number';
export * from './caps';
export * from './unsafe-chars';
