import Koa from 'koa';
import bodyParser from 'koa-bodyparser';
import useCrossOrigin from './cors';

const useBody = (app: Koa) => {
  app.use(bodyParser());
};

export default function installMiddleware(app: Koa) {
  [useBody, useCrossOrigin].forEach((install) => install(app));
}
