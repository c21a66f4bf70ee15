// ES module entry: the same API as index.js.
import api from './index.js';

export const {validate} = api;
export default api;
