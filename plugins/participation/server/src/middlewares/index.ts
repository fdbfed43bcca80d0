import bodyLimit from './body-limit';
import storableInput from './storable-input';

export default { 'body-limit': bodyLimit, 'storable-input': storableInput };
