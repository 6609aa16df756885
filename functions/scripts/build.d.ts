export const DEV_HOST_ENTRY: string;
export const root: string;
export function buildIfStale(log?: (message: string) => void): boolean;
export function cleanBuild(outDir?: string): string;
export function pruneOrphans(outDir?: string): string[];
