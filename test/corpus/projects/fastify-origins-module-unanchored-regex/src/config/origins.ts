export const ORIGINS: (string | RegExp)[] = ['http://localhost:5173', /https:\/\/(www\.)?tidepool\.dev/];
