import express from 'express';

const PATTERNS = [/ledgerhq\.io/, /^http:\/\/localhost:\d+$/];
const app = express();

app.use((req, res, next) => {
  const origin = req.header('Origin');
  if (origin && PATTERNS.filter((re) => re.test(origin)).length > 0) {
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Allow-Credentials', 'true');
  }
  next();
});
app.get('/balances', (req, res) => res.json({}));
app.listen(3000);
