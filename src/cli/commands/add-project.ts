// PLACEHOLDER until its issue lands.
import type { Command } from '../context';

export const command: Command = {
  summary: '(not yet available) add-project',
  usage: '',
  options: [],
  run: (ctx) => {
    ctx.stderr('add-project is not implemented yet\n');
    return 70;
  },
};
