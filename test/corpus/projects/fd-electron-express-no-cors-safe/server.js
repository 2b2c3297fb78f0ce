const express = require('express');
const crypto = require('crypto');

const app = express();
const chores = [];

app.use(express.json());

app.get('/tasks', (_req, res) => {
  res.json(chores);
});

app.post('/tasks', (req, res) => {
  const { name, assignedTo, points } = req.body;
  if (!name) return res.status(400).json({ error: 'name required' });
  const task = { id: crypto.randomUUID(), name, assignedTo, points: Number(points) || 0 };
  chores.push(task);
  res.json(task);
});

app.listen(3000, () => console.log('chores api on http://localhost:3000'));

module.exports = app;
