export const DEV_HOST_ENTRY: string;
export const root: string;
export function buildIfStale(log?: (message: string) => void): boolean;
