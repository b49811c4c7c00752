// The load benchmark's CSV: java LoadCsv.java FILE ROWS writes ROWS × (x0…x49, y, c), 7 decimals, eight
// clusters with centres N(0, 10²) (seed 44): the shape of `benchmark --cluster`'s data (555 MB at 1,000,000 rows).
import java.io.*; import java.nio.file.*; import java.util.*;
public class LoadCsv { public static void main(String[] a) throws Exception {
 int rows=Integer.parseInt(a[1]), d=50; SplittableRandom r=new SplittableRandom(44);
 double[] cen=new double[8*d]; for(int i=0;i<cen.length;i++) cen[i]=10*r.nextGaussian();
 try(Writer w=new BufferedWriter(new FileWriter(a[0]),1<<20)){
  StringBuilder h=new StringBuilder(); for(int j=0;j<d;j++) h.append('x').append(j).append(','); w.write(h.append("y,c\n").toString());
  StringBuilder sb=new StringBuilder();
  for(int i=0;i<rows;i++){ sb.setLength(0); int c=r.nextInt(8); double y=1.5;
   for(int j=0;j<d;j++){ double x=cen[c*d+j]+r.nextGaussian(); long s=Math.round(x*1e7); y+=0.01*j*x; app(sb,s); sb.append(','); }
   app(sb,Math.round((y+r.nextGaussian())*1e7)); sb.append(',').append(r.nextInt(2)).append('\n'); w.write(sb.toString()); }
 }}
 static void app(StringBuilder sb,long s){ if(s<0){sb.append('-'); s=-s;} sb.append(s/10000000).append('.'); String f=Long.toString(s%10000000); for(int k=f.length();k<7;k++) sb.append('0'); sb.append(f);}
}
