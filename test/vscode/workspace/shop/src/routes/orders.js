const express = require('express');
const { allowCors } = require('../lib/headers');

const router = express.Router();

router.get('/orders', (req, res) => {
  allowCors(req, res);
  res.json([]);
});

router.post('/orders', (req, res) => {
  allowCors(req, res);
  res.status(201).end();
});

module.exports = router;
