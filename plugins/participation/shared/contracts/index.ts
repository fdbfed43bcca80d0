export * from './common';
export * from './municipalities';
export * from './budget-lines';
export * from './me';
export * from './rounds';
export * from './events';
export * from './decisions';
