import { mountView } from '../shared/mountView';
import { EnvStatusApp } from './EnvStatusApp';

mountView(<EnvStatusApp />);
