// PLACEHOLDER until its issue lands.
import type { Command } from '../context';

export const command: Command = {
  summary: '(not yet available) synth',
  usage: '',
  options: [],
  run: (ctx) => {
    ctx.stderr('synth is not implemented yet\n');
    return 70;
  },
};
