/** The census module's messages: [中文, English]; keys of field reasons start with "od.census.". */
export const censusMessages = {} as const satisfies Record<string, readonly [string, string]>;
