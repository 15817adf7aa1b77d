import type { ThemeConfig } from 'antd';

const SUCCESS = '#237804';
const WARNING = '#ad4e00';

// A sober administrative palette whose text colours reach WCAG AA (4.5:1) on their backgrounds:
// the primary blue on white (#0b57d0: 6.4:1), white on the primary and on its hover shade.
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b57d0',
    colorLink: '#0b57d0',
    // antd's hover shades are lighter than the base (white on #2f78de is 4.3:1, a hovered link
    // lighter still); these are a little darker instead (white on #0a4ec2: 7.3:1).
    colorPrimaryHover: '#0a4ec2',
    colorLinkHover: '#0a4ec2',
    colorError: '#c41d2f',
    colorWarning: WARNING,
    colorSuccess: SUCCESS,
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Descriptions' labels among others (antd's 0.45 is 3.4:1 on white).
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 60, headerPadding: '0 16px', bodyBg: '#f3f5f8' },
    // A tag's text is the 7th shade of its colour on the 1st; green's and orange's are 3.4:1, so
    // those tags take the success and warning colours (5.4:1 and 5.1:1).
    Tag: { green7: SUCCESS, orange7: WARNING },
  },
};
