export interface Env {
  FRONTEND_URL: string;
  JWT_SECRET: string;
}
