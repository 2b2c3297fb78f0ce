/** Proof from the model: a regression test from a finding's witness (`cors-guard test`). */
export * from './regression-test';
export * from './stack';
