export default ['https://tasks.orbitly.app', 'http://localhost:5173'];
