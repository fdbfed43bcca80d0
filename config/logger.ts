// Merged into Strapi's default logger: only the level changes (tests want errors only).
export default {
  level: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'error' : 'http'),
};
