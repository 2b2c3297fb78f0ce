export const allowedOrigins = ['https://play.tilequest.gg', 'http://localhost:5173'];
