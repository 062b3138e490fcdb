declare const __ACPT_VERSION__: string | undefined;

/** This package's version (set at build time; `0.0.0-test` when run from source). */
export const VERSION: string = typeof __ACPT_VERSION__ === 'string' ? __ACPT_VERSION__ : '0.0.0-test';
