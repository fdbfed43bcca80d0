import hasAccess from './has-access';

export default { 'has-access': hasAccess };
