import accountThrottle from './account-throttle';
import bodyLimit from './body-limit';
import retryAfter from './retry-after';
import storableInput from './storable-input';
import validateRequest from './validate-request';

export default { 'account-throttle': accountThrottle, 'body-limit': bodyLimit, 'retry-after': retryAfter, 'storable-input': storableInput, 'validate-request': validateRequest };
