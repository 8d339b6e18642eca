// Start-up: `mldrill --version` against a bare `node -e ""`.
export default async function startup(ctx) {
  const node = await ctx.node(['-e', ''], { runs: 20 });
  const version = await ctx.mldrill(['--version'], { runs: 20 });
  ctx.report(`node -e ""            ${ctx.ms(node)}`);
  ctx.report(`mldrill --version     ${ctx.ms(version)}  (${ctx.ratio(version, node)} of node; goal <= 1.2x)`);
}
