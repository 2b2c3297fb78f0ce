import express from 'express';
import cors from 'cors';
import { corsOptions } from '@/config/cors';
import { router } from '@/routes';

const app = express();
app.use(cors(corsOptions));
app.use('/api', router);
app.listen(4000);
