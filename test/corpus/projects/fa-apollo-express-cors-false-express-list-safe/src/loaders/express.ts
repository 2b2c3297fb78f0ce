import express from 'express';
import cors from 'cors';
import cookieParser from 'cookie-parser';
import { Server } from 'http';
import { mountGraphql } from '../api/graphql/apolloServer';

const clientOrigins = ['http://localhost:8080'];

type Deps = { app: express.Application; server: Server };

const loadExpress = async ({ app, server }: Deps) => {
  app.use(cors({ origin: clientOrigins, credentials: true }));
  app.use(cookieParser());
  app.use(express.json());
  mountGraphql(app, server);
};

export default loadExpress;
