// PLACEHOLDER until its issue lands.
import type { Command } from '../context';

export const command: Command = {
  summary: '(not yet available) diff',
  usage: '',
  options: [],
  run: (ctx) => {
    ctx.stderr('diff is not implemented yet\n');
    return 70;
  },
};
