// Types for template-database.js, which stays JavaScript because global setup and teardown (plain node) require it.
export interface TemplateDatabase {
  sqliteFile: string;
  postgresName: string;
  lock: string;
  ready: string;
}
export declare const SQLITE_DIR: string;
export declare const startRun: () => void;
export declare const templateOf: (engine: 'sqlite' | 'postgres') => TemplateDatabase | null;
export declare const removeTemplates: (dropPostgres: (name: string) => Promise<unknown>) => Promise<void>;
