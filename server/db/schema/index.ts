export * from './audit.ts';
export * from './auth.ts';
export * from './documents.ts';
export * from './frameworks.ts';
export * from './maturation.ts';
export * from './organisations.ts';
export * from './projects.ts';
export * from './tokens.ts';
