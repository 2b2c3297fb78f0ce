module.exports = ['http://localhost:5173', 'https://arena.example.gg'];
