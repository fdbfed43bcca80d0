import bodyLimit from './body-limit';

export default { 'body-limit': bodyLimit };
