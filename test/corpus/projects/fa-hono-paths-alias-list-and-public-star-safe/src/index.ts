import createApp from '@/lib/create-app';
import listings from '@/routes/listing.route';

const app = createApp();
app.route('/api', listings);

export default app;
