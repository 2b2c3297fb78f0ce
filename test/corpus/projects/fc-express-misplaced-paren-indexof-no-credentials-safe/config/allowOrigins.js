const allowOrigins = ['http://localhost:5173', 'https://booking.example.net'];
export default allowOrigins;
