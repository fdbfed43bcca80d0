// Types for env.js, which stays JavaScript because global-setup.js (plain node) requires it too.
export declare const applyTestEnv: () => NodeJS.ProcessEnv;
