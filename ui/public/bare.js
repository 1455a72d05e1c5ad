// The bare window's one repaint (memory baseline for make bench). Any page that changes after
// its first frame holds a second screen buffer (~8 MB); without this repaint the baseline held
// one or two at random (docs/BENCHMARKS.md, "Idle memory"). The harness waits for data-painted.
requestAnimationFrame(() => requestAnimationFrame(() => {
  const p = document.getElementById('bare');
  p.textContent += ', painted twice';
  p.dataset.painted = 'yes';
}));
