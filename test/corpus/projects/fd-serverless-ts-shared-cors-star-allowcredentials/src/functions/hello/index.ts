import { handlerPath } from '@libs/handler-path';
import { cors } from 'src/config';

export default {
  handler: `${handlerPath(__dirname)}/handler.main`,
  events: [{ http: { method: 'post', path: 'hello', authorizer: 'aws_iam', cors } }],
};
