/** Every CLI command, by name. A new command is one file in this folder and one line here. */
import type { Command } from '../args'
import { baseCommand } from './base'
import { bodiesCommand } from './bodies'
import { milestonesCommand } from './milestones'
import { orbitCommand } from './orbit'
import { runCommand } from './run'
import { shotCommand } from './shot'

/** All commands, sorted by name (the order of `--help`). */
export const COMMANDS: readonly Command[] = [baseCommand, bodiesCommand, milestonesCommand, orbitCommand, runCommand, shotCommand]

export const getCommand = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name)
