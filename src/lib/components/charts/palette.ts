// Okabe–Ito colours: told apart by people with every common kind of colour blindness, and
// dark enough against white for the bars and lines to meet the 3:1 contrast of graphics.
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00'];
export const MARKER_COLOUR = '#1b1f24';
