export * from './audit.ts';
export * from './auth.ts';
export * from './frameworks.ts';
export * from './organisations.ts';
export * from './projects.ts';
