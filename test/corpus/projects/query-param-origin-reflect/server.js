const express = require('express');

const app = express();

app.get('/embed/profile', (req, res) => {
  const target = req.query.origin;
  if (target) {
    res.setHeader('Access-Control-Allow-Origin', target);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.json({ name: 'current user' });
});
app.listen(3000);
