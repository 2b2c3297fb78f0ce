export * from './installCors';
export * from './installHeadersFromCookies';
