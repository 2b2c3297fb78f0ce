export const webappPort = 3000;
export const corsProxyPort = 3001;
